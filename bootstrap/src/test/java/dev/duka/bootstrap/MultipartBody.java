package dev.duka.bootstrap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body, built part by part as a browser's form would send it. */
final class MultipartBody {
  private final String boundary = "duka-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A file part, with the file name and type a client claims (the server ignores both). */
  MultipartBody file(String name, String fileName, String type, byte[] content) {
    head(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + type);
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** A text field. */
  MultipartBody field(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + name + "\"");
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** A JSON part without a file name, as {@code curl -F 'product=...;type=application/json'}. */
  MultipartBody json(String name, String json) {
    head("Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: application/json");
    out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return all.toByteArray();
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  private void head(String headers) {
    out.writeBytes(
        ("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
  }
}
