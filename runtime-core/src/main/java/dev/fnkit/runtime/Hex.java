package dev.fnkit.runtime;

/** Fixed-width lowercase hex for ids made on every request, without {@code String.format}. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Appends the low {@code digits} hex digits of {@code value}, zero-padded. */
  public static StringBuilder append(StringBuilder to, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      to.append(DIGITS[(int) ((value >>> shift) & 0xf)]);
    }
    return to;
  }
}
