package org.coopera.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the shape of every list the API answers ({@code {"total": N, "page": p,
 * "size": s, "items": [...]}}) and that list pages render.
 *
 * @param total how many items match, over all pages
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param items the items of this page
 */
public record ListPage<T>(long total, int page, int size, List<T> items) {

  public ListPage {
    items = List.copyOf(items);
  }

  public static <T> ListPage<T> all(List<T> items) {
    return new ListPage<>(items.size(), 0, Math.max(items.size(), 1), items);
  }

  /** The sub-list of {@code all} that page {@code page} of size {@code size} covers. */
  public static <T> ListPage<T> slice(List<T> all, PageParameters paging) {
    int from = (int) Math.min((long) paging.page() * paging.size(), all.size());
    int to = (int) Math.min((long) from + paging.size(), all.size());
    return new ListPage<>(all.size(), paging.page(), paging.size(), all.subList(from, to));
  }

  public <R> ListPage<R> map(Function<T, R> mapper) {
    return new ListPage<>(total, page, size, items.stream().map(mapper).toList());
  }

  public int totalPages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public long firstItemNumber() {
    return items.isEmpty() ? 0 : (long) page * size + 1;
  }

  public long lastItemNumber() {
    return (long) page * size + items.size();
  }
}
