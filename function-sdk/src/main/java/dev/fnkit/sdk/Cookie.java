package dev.fnkit.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A cookie to set with {@link Response#cookie(Cookie)}: an immutable value with the usual
 * attributes.
 *
 * <pre>{@code
 * response.cookie(Cookie.of("session", token)
 *     .withPath("/")
 *     .withMaxAge(Duration.ofHours(1))
 *     .withSecure(true)
 *     .withHttpOnly(true)
 *     .withSameSite(Cookie.SameSite.LAX));
 * }</pre>
 *
 * @param name the cookie name: a non-empty HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~})
 * @param value the value: no whitespace, {@code "}, {@code ,}, {@code ;}, {@code \} or control
 *     characters (encode other data, e.g. with Base64url); may be empty
 * @param path the {@code Path} attribute, or {@code null} for none
 * @param domain the {@code Domain} attribute, or {@code null} for none
 * @param maxAge the {@code Max-Age} attribute, or {@code null} for none; zero or negative deletes
 *     the cookie
 * @param expires the {@code Expires} attribute, or {@code null} for none
 * @param secure whether to send the {@code Secure} attribute
 * @param httpOnly whether to send the {@code HttpOnly} attribute
 * @param sameSite the {@code SameSite} attribute, or {@code null} for none
 */
public record Cookie(
    String name,
    String value,
    String path,
    String domain,
    Duration maxAge,
    Instant expires,
    boolean secure,
    boolean httpOnly,
    SameSite sameSite) {

  /** Values of the {@code SameSite} attribute. */
  public enum SameSite {
    /** {@code SameSite=Strict}: sent only with same-site requests. */
    STRICT("Strict"),
    /** {@code SameSite=Lax}: also sent on top-level navigation from other sites. */
    LAX("Lax"),
    /** {@code SameSite=None}: sent with cross-site requests; browsers require {@code Secure}. */
    NONE("None");

    private final String attribute;

    SameSite(String attribute) {
      this.attribute = attribute;
    }

    /**
     * The attribute value as written in a {@code Set-Cookie} header.
     *
     * @return {@code Strict}, {@code Lax} or {@code None}
     */
    public String attribute() {
      return attribute;
    }
  }

  private static final DateTimeFormatter EXPIRES_FORMAT =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /**
   * Creates a cookie; prefer {@link #of(String, String)} and the {@code with...} methods.
   *
   * @param name the cookie name
   * @param value the value
   * @param path the {@code Path} attribute, or {@code null}
   * @param domain the {@code Domain} attribute, or {@code null}
   * @param maxAge the {@code Max-Age} attribute, or {@code null}
   * @param expires the {@code Expires} attribute, or {@code null}
   * @param secure the {@code Secure} attribute
   * @param httpOnly the {@code HttpOnly} attribute
   * @param sameSite the {@code SameSite} attribute, or {@code null}
   * @throws IllegalArgumentException if a part contains characters a {@code Set-Cookie} header
   *     cannot carry
   * @throws NullPointerException if {@code name} or {@code value} is {@code null}
   */
  public Cookie {
    Objects.requireNonNull(name, "cookie name");
    Objects.requireNonNull(value, "cookie value");
    if (name.isEmpty() || !name.chars().allMatch(Cookie::isTokenChar)) {
      throw new IllegalArgumentException("invalid cookie name: \"" + name + "\"");
    }
    if (!value.chars().allMatch(Cookie::isValueChar)) {
      throw new IllegalArgumentException(
          "invalid value for cookie "
              + name
              + ": whitespace, '\"', ',', ';', '\\' and control"
              + " characters are not allowed (encode the value, e.g. with Base64url)");
    }
    checkAttribute(name, "path", path);
    checkAttribute(name, "domain", domain);
  }

  /**
   * A cookie with only a name and a value.
   *
   * @param name the cookie name
   * @param value the value
   * @return the cookie
   * @throws IllegalArgumentException if the name or value is not allowed in a cookie
   */
  public static Cookie of(String name, String value) {
    return new Cookie(name, value, null, null, null, null, false, false, null);
  }

  /**
   * This cookie with a {@code Path} attribute.
   *
   * @param path the path, or {@code null} for none
   * @return a new cookie
   */
  public Cookie withPath(String path) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /**
   * This cookie with a {@code Domain} attribute.
   *
   * @param domain the domain, or {@code null} for none
   * @return a new cookie
   */
  public Cookie withDomain(String domain) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /**
   * This cookie with a {@code Max-Age} attribute, in whole seconds.
   *
   * @param maxAge the lifetime, or {@code null} for none; zero or negative deletes the cookie
   * @return a new cookie
   */
  public Cookie withMaxAge(Duration maxAge) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /**
   * This cookie with an {@code Expires} attribute.
   *
   * @param expires the expiry instant, or {@code null} for none
   * @return a new cookie
   */
  public Cookie withExpires(Instant expires) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /**
   * This cookie with or without the {@code Secure} attribute.
   *
   * @param secure whether the browser may send it over HTTPS only
   * @return a new cookie
   */
  public Cookie withSecure(boolean secure) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /**
   * This cookie with or without the {@code HttpOnly} attribute.
   *
   * @param httpOnly whether scripts in the page are denied access to it
   * @return a new cookie
   */
  public Cookie withHttpOnly(boolean httpOnly) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /**
   * This cookie with a {@code SameSite} attribute.
   *
   * @param sameSite the policy, or {@code null} for none
   * @return a new cookie
   */
  public Cookie withSameSite(SameSite sameSite) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /**
   * The value of a {@code Set-Cookie} header for this cookie, e.g. {@code session=abc; Path=/;
   * Max-Age=3600; Secure; HttpOnly; SameSite=Lax}.
   *
   * @return the header value
   */
  public String toHeaderValue() {
    StringBuilder header = new StringBuilder(name).append('=').append(value);
    if (path != null) {
      header.append("; Path=").append(path);
    }
    if (domain != null) {
      header.append("; Domain=").append(domain);
    }
    if (maxAge != null) {
      header.append("; Max-Age=").append(Math.max(0, maxAge.getSeconds()));
    }
    if (expires != null) {
      header.append("; Expires=").append(EXPIRES_FORMAT.format(expires));
    }
    if (secure) {
      header.append("; Secure");
    }
    if (httpOnly) {
      header.append("; HttpOnly");
    }
    if (sameSite != null) {
      header.append("; SameSite=").append(sameSite.attribute());
    }
    return header.toString();
  }

  private static void checkAttribute(String cookie, String attribute, String text) {
    if (text != null && !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != ';')) {
      throw new IllegalArgumentException(
          "invalid " + attribute + " for cookie " + cookie + ": \"" + text + "\"");
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  private static boolean isValueChar(int c) {
    return c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
  }
}
