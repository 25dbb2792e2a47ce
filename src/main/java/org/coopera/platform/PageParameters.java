package org.coopera.platform;

/**
 * The paging parameters of a list request, checked: {@code page} from 0, {@code size} from 1 to
 * {@value #MAX_SIZE}. A bad value raises {@link InvalidParameterException} naming the parameter.
 */
public record PageParameters(int page, int size) {

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

  public static PageParameters of(Integer page, Integer size) {
    return new PageParameters(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  public static PageParameters of(Integer page, Integer size, int defaultSize) {
    return new PageParameters(page == null ? 0 : page, size == null ? defaultSize : size);
  }

  public int offset() {
    return page * size;
  }
}
