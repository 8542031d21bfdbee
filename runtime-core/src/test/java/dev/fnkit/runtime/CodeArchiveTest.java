package dev.fnkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeArchiveTest {
  @TempDir Path dir;

  @Test
  void unpacksWhatTheSystemTarPacked() throws Exception {
    Path source = Files.createDirectories(dir.resolve("src/lib"));
    Files.writeString(dir.resolve("src/function.jar"), "jar bytes");
    Files.writeString(source.resolve("dep.jar"), "x".repeat(1000));
    String longName = "a".repeat(120) + ".txt";
    Files.writeString(dir.resolve("src").resolve(longName), "long");
    Path archive = dir.resolve("code.tar.gz");
    Process tar =
        new ProcessBuilder(
                "tar", "-czf", archive.toString(), "-C", dir.resolve("src").toString(), ".")
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).isZero();

    Path target = dir.resolve("out");
    CodeArchive.extract(archive, target);

    assertThat(Files.readString(target.resolve("function.jar"))).isEqualTo("jar bytes");
    assertThat(Files.readString(target.resolve("lib/dep.jar"))).hasSize(1000);
    assertThat(Files.readString(target.resolve(longName))).isEqualTo("long");
  }

  @Test
  void refusesAnEntryThatEscapesTheTarget() throws Exception {
    Path archive = dir.resolve("evil.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
      out.write(header("../escaped.txt", 4, '0'));
      out.write(padded("evil".getBytes(StandardCharsets.UTF_8)));
      out.write(new byte[1024]);
    }

    assertThatThrownBy(() -> CodeArchive.extract(archive, dir.resolve("out")))
        .isInstanceOf(FunctionLoadException.class)
        .hasMessage("archive entry ../escaped.txt points outside the code directory");
    assertThat(dir.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void refusesLinksAndReportsCorruptArchives() throws Exception {
    Path linked = dir.resolve("link.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(linked))) {
      out.write(header("link", 0, '2'));
      out.write(new byte[1024]);
    }
    assertThatThrownBy(() -> CodeArchive.extract(linked, dir.resolve("a")))
        .hasMessageContaining("entry link is a link or special file");

    Path garbage = Files.writeString(dir.resolve("garbage.tar.gz"), "not gzip");
    assertThatThrownBy(() -> CodeArchive.extract(garbage, dir.resolve("b")))
        .isInstanceOf(FunctionLoadException.class)
        .hasMessageStartingWith(garbage + ": not a readable .tar.gz: ");
  }

  private static byte[] header(String name, long size, char type) throws IOException {
    byte[] header = new byte[512];
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
    byte[] sizeBytes = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(sizeBytes, 0, header, 124, sizeBytes.length);
    header[156] = (byte) type;
    byte[] magic = "ustar".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, header, 257, magic.length);
    return header;
  }

  private static byte[] padded(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(data);
    out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    return out.toByteArray();
  }
}
