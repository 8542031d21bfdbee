package dev.fnkit.runtime;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a function's {@code code.tar.gz} (the artifact Open Runtimes builds hand to the runtime).
 * Regular files and directories only; entries that would land outside the target directory, links
 * and devices are refused. Understands ustar, GNU long names and pax path records.
 */
public final class CodeArchive {
  private static final int BLOCK = 512;

  private CodeArchive() {}

  /** Whether {@code path} names a gzipped tar by its file name. */
  public static boolean isArchive(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return Files.isRegularFile(path) && (name.endsWith(".tar.gz") || name.endsWith(".tgz"));
  }

  /**
   * Extracts {@code archive} into {@code target} (created if missing).
   *
   * @throws FunctionLoadException with a one-line reason when the archive is unreadable or unsafe
   */
  public static void extract(Path archive, Path target) throws FunctionLoadException {
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 65536)) {
      Files.createDirectories(target);
      Path root = target.toAbsolutePath().normalize();
      String longName = null;
      byte[] header = new byte[BLOCK];
      while (true) {
        if (!readBlock(in, header)) {
          return;
        }
        if (isZero(header)) {
          return; // end-of-archive marker
        }
        String name = longName != null ? longName : name(header);
        longName = null;
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        switch (type) {
          case 'L' -> longName = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
          case 'x' -> longName = paxPath(readData(in, size));
          case 'g' -> skip(in, size);
          case '0', '\0', '7' -> {
            Path file = inside(root, name);
            Files.createDirectories(file.getParent());
            copy(in, file, size);
          }
          case '5' -> Files.createDirectories(inside(root, name));
          default ->
              throw new FunctionLoadException(
                  archive
                      + ": entry "
                      + name
                      + " is a link or special file; only files and"
                      + " directories are allowed");
        }
      }
    } catch (IOException e) {
      throw new FunctionLoadException(archive + ": not a readable .tar.gz: " + e.getMessage(), e);
    }
  }

  private static Path inside(Path root, String name) throws FunctionLoadException {
    Path resolved = root.resolve(name).normalize();
    if (!resolved.startsWith(root)) {
      throw new FunctionLoadException(
          "archive entry " + name + " points outside the code directory");
    }
    return resolved;
  }

  private static String name(byte[] header) {
    String name = trimNul(new String(header, 0, 100, StandardCharsets.UTF_8));
    String magic = new String(header, 257, 5, StandardCharsets.US_ASCII);
    if (magic.equals("ustar")) {
      String prefix = trimNul(new String(header, 345, 155, StandardCharsets.UTF_8));
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
    }
    return name;
  }

  private static String paxPath(byte[] records) {
    String text = new String(records, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      int equals = record.indexOf('=');
      if (space > 0 && equals > space && record.substring(space + 1, equals).equals("path")) {
        return record.substring(equals + 1);
      }
    }
    return null;
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    String text = trimNul(new String(header, offset, length, StandardCharsets.US_ASCII)).trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException("corrupt entry size \"" + text + "\"");
    }
  }

  private static String trimNul(String text) {
    int nul = text.indexOf('\0');
    return nul < 0 ? text : text.substring(0, nul);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, BLOCK);
    if (read == 0) {
      return false;
    }
    if (read < BLOCK) {
      throw new EOFException("truncated archive");
    }
    return true;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    if (size > 1 << 20) {
      throw new IOException("header record of " + size + " bytes is too large");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new EOFException("truncated archive");
    }
    skipPadding(in, size);
    return data;
  }

  private static void copy(InputStream in, Path file, long size) throws IOException {
    try (var out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[65536];
      long left = size;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException("truncated archive");
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
    skipPadding(in, size);
  }

  private static void skip(InputStream in, long size) throws IOException {
    in.skipNBytes(size);
    skipPadding(in, size);
  }

  private static void skipPadding(InputStream in, long size) throws IOException {
    long padding = (BLOCK - size % BLOCK) % BLOCK;
    in.skipNBytes(padding);
  }
}
