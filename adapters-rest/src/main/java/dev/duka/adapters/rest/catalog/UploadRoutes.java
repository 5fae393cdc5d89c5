package dev.duka.adapters.rest.catalog;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.duka.adapters.rest.Routes;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.UnavailableException;
import dev.duka.domain.port.in.ServeUploadUseCase;
import dev.duka.domain.port.out.ImageStorage.StoredFile;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * {@code GET /uploads/{key}}: the stored image files. A key names content that never changes, so
 * responses may be cached for a year, and its ETag is the key itself. A key the storage does not
 * know, whatever its text, is a 404.
 */
public final class UploadRoutes implements Routes {
  /** Where the files are served. */
  public static final String PATH = "/uploads/";

  private static final String FOREVER = "public, max-age=31536000, immutable";

  private final ServeUploadUseCase uploads;

  public UploadRoutes(ServeUploadUseCase uploads) {
    this.uploads = uploads;
  }

  @Override
  public boolean atRoot() {
    return true;
  }

  @Override
  public void declare() {
    get(PATH + "{key}", this::serve);
  }

  private void serve(Context ctx) {
    String key = ctx.pathParam("key");
    StoredFile file =
        uploads
            .openUpload(key)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "file", key.length() > 80 ? key.substring(0, 80) + "…" : key));
    String etag = "\"" + key + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", FOREVER);
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(file.contentType());
    ctx.header("Content-Length", Long.toString(file.size()));
    try {
      ctx.result(file.openStream());
    } catch (IOException e) {
      throw new UnavailableException("the image storage cannot be read", e);
    }
  }
}
