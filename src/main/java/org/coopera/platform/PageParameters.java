package org.coopera.platform;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The paging parameters of a list request, checked: {@code page} from 0, {@code size} from 1 to
 * {@value #MAX_SIZE}. A bad value raises {@link InvalidParameterException} naming the parameter.
 */
public record PageParameters(
    @Parameter(
            description = "page number, from 0",
            schema = @Schema(type = "integer", defaultValue = "0", minimum = "0"))
        int page,
    @Parameter(
            description = "items per page, 1 to " + PageParameters.MAX_SIZE,
            schema = @Schema(type = "integer", defaultValue = "50", minimum = "1", maximum = "500"))
        int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public PageParameters {
    if (page < 0) {
      throw new InvalidParameterException("page", "parameter.error.page");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidParameterException("size", "parameter.error.size", MAX_SIZE);
    }
  }

  public static PageParameters of(Integer page, Integer size, int defaultSize) {
    return new PageParameters(page == null ? 0 : page, size == null ? defaultSize : size);
  }

  public int offset() {
    return page * size;
  }
}
