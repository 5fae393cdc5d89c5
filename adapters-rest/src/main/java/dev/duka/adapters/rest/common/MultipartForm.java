package dev.duka.adapters.rest.common;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.TooLargeException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.port.in.ManageProductImagesUseCase.ImageUpload;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code multipart/form-data} body read within limits: each file part at most {@code
 * maxFileBytes} (else 413), the whole body at most what {@code maxFiles} such files and a small
 * JSON part need, files beyond the first kilobytes spooled to a temporary file rather than held in
 * memory. Part names outside the route's list are refused, all named in one 400, and a client's
 * file name or Content-Type is never looked at.
 */
public final class MultipartForm {
  /** Room for the non-file parts (the product JSON) and the multipart framing. */
  private static final long FRAMING_BYTES = 1024 * 1024;

  private static final int MEMORY_THRESHOLD = 64 * 1024;
  private static final String CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";

  private final Collection<Part> parts;
  private final long maxFieldBytes;

  private MultipartForm(Collection<Part> parts, long maxFieldBytes) {
    this.parts = parts;
    this.maxFieldBytes = maxFieldBytes;
  }

  /** How large a multipart body may be. */
  public record Limits(long maxFileBytes, int maxFiles) {
    long maxRequestBytes() {
      return maxFileBytes * (maxFiles + 1) + FRAMING_BYTES;
    }
  }

  /**
   * Reads the parts of the request.
   *
   * @throws HttpResponseException 415 when the body is not multipart/form-data
   * @throws TooLargeException when a part or the whole body is larger than the limits
   * @throws InvalidValueException when the body is not well-formed multipart, or has a part whose
   *     name is not in {@code names}
   */
  public static MultipartForm read(Context ctx, Limits limits, Set<String> names) {
    String type = ctx.contentType();
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("multipart/form-data")) {
      throw new HttpResponseException(
          415, "send the body as multipart/form-data" + (type == null ? "" : ", not " + mediaType));
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > limits.maxRequestBytes()) {
      throw tooLarge(limits);
    }
    ctx.req()
        .setAttribute(
            CONFIG_ATTRIBUTE,
            new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"),
                limits.maxFileBytes(),
                limits.maxRequestBytes(),
                MEMORY_THRESHOLD));
    Collection<Part> parts;
    try {
      parts = ctx.req().getParts();
    } catch (Exception failure) {
      if (isSizeLimit(failure)) {
        throw tooLarge(limits);
      }
      throw new InvalidValueException("body", "is not a readable multipart/form-data body");
    }
    Set<String> unknown = new TreeSet<>();
    for (Part part : parts) {
      if (part.getName() == null || !names.contains(part.getName())) {
        unknown.add(String.valueOf(part.getName()));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidValueException(
          unknown.stream()
              .map(
                  name ->
                      new Violation(
                          name, "is not a part of this request; expected " + new TreeSet<>(names)))
              .toList());
    }
    return new MultipartForm(parts, limits.maxFileBytes());
  }

  /** Every part named {@code name}, in order, as uploads read from the spooled part. */
  public List<ImageUpload> uploads(String name) {
    List<ImageUpload> uploads = new ArrayList<>();
    for (Part part : parts) {
      if (name.equals(part.getName())) {
        uploads.add(() -> bytesOf(part));
      }
    }
    return uploads;
  }

  /**
   * The text of the one part named {@code name}, file or not; empty when there is none.
   *
   * @throws InvalidValueException when there are several
   */
  public Optional<String> text(String name) {
    List<Part> named = parts.stream().filter(p -> name.equals(p.getName())).toList();
    if (named.size() > 1) {
      throw new InvalidValueException(name, "must be sent once");
    }
    if (named.isEmpty()) {
      return Optional.empty();
    }
    if (named.get(0).getSize() > maxFieldBytes) {
      throw new TooLargeException(name + " is larger than " + maxFieldBytes + " bytes");
    }
    return Optional.of(new String(bytesOf(named.get(0)), StandardCharsets.UTF_8));
  }

  private static byte[] bytesOf(Part part) {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an uploaded part", e);
    }
  }

  private static TooLargeException tooLarge(Limits limits) {
    return new TooLargeException(
        "each file may have at most "
            + limits.maxFileBytes()
            + " bytes, and a request at most "
            + limits.maxFiles()
            + " files");
  }

  /** Jetty names the limit a part or the body went over: "max file size exceeded: …". */
  private static boolean isSizeLimit(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains("exceeded")) {
        return true;
      }
    }
    return false;
  }
}
