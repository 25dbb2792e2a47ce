package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.internal.Deadlines;
import org.coopera.implementation.internal.Deadlines.DueItem;
import org.coopera.implementation.internal.Deadlines.Filter;
import org.coopera.implementation.internal.Deadlines.Kind;
import org.coopera.implementation.internal.Institutions;
import org.coopera.platform.Csv;
import org.coopera.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The calendar of a State's workspace: what is overdue, then what is to come month by month,
 * filtered by institution and kind; the same as CSV and as an iCalendar file.
 */
@Controller
class CalendarController {

  private final Deadlines deadlines;
  private final Institutions institutions;
  private final ReferenceData reference;
  private final MessageSource messages;
  private final Clock clock;

  CalendarController(
      Deadlines deadlines,
      Institutions institutions,
      ReferenceData reference,
      MessageSource messages,
      Clock clock) {
    this.deadlines = deadlines;
    this.institutions = institutions;
    this.reference = reference;
    this.messages = messages;
    this.clock = clock;
  }

  /** The items of one month that are not overdue. */
  record Month(YearMonth month, List<DueItem> items) {
    public java.time.LocalDate first() {
      return month.atDay(1);
    }
  }

  @GetMapping("/workspace/{iso3}/calendar")
  String page(
      @PathVariable String iso3,
      @RequestParam(required = false) String institution,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "false") boolean past,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Filter filter = filter(institution, kind, past);
    List<DueItem> items = deadlines.calendar(iso3, filter, user);
    String code = iso3.strip().toUpperCase(Locale.ROOT);
    Map<YearMonth, List<DueItem>> byMonth = new LinkedHashMap<>();
    items.stream()
        .filter(i -> !i.overdue())
        .forEach(
            i -> byMonth.computeIfAbsent(YearMonth.from(i.date()), k -> new ArrayList<>()).add(i));
    model.addAttribute("state", reference.findState(code).orElseThrow());
    model.addAttribute("overdue", items.stream().filter(DueItem::overdue).toList());
    model.addAttribute(
        "months",
        byMonth.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue())).toList());
    model.addAttribute("empty", items.isEmpty());
    model.addAttribute("institutions", institutions.list(code, user));
    model.addAttribute("kinds", Kind.values());
    model.addAttribute("filter", filter);
    model.addAttribute("query", query(filter));
    return "implementation/calendar";
  }

  @GetMapping("/workspace/{iso3}/calendar.csv")
  void csv(
      @PathVariable String iso3,
      @RequestParam(required = false) String institution,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "false") boolean past,
      @AuthenticationPrincipal CooperaUser user,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    List<DueItem> items = deadlines.calendar(iso3, filter(institution, kind, past), user);
    String code = iso3.strip().toUpperCase(Locale.ROOT);
    List<String> header =
        List.of("date", "kind", "title", "assignment", "institution", "status", "link").stream()
            .map(c -> messages.getMessage("deadlines.calendar.column." + c, null, locale))
            .toList();
    String origin = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    try (Csv csv = Csv.download(response, "deadlines-" + code + ".csv", header)) {
      for (DueItem i : items) {
        csv.row(
            List.of(
                i.date().toString(),
                messages.getMessage(i.kind().messageKey(), null, locale),
                i.title(),
                i.assignmentLabel(),
                i.institutionName(),
                messages.getMessage("deadlines.calendar.status." + status(i), null, locale),
                origin + i.link()));
      }
    }
  }

  @GetMapping("/workspace/{iso3}/calendar.ics")
  ResponseEntity<byte[]> ics(
      @PathVariable String iso3,
      @RequestParam(required = false) String institution,
      @RequestParam(required = false) String kind,
      @AuthenticationPrincipal CooperaUser user,
      Locale locale) {
    List<DueItem> items = deadlines.calendar(iso3, filter(institution, kind, false), user);
    String code = iso3.strip().toUpperCase(Locale.ROOT);
    ReferenceData.State state = reference.findState(code).orElseThrow();
    String origin = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    String host = UriComponentsBuilder.fromUriString(origin).build().getHost();
    ICalendar calendar =
        new ICalendar(
            messages.getMessage("deadlines.calendar.title", new Object[] {state.name()}, locale),
            clock.instant());
    for (DueItem i : items) {
      calendar.event(
          i.key() + "@" + (host == null ? "coopera" : host),
          i.date(),
          messages.getMessage(i.kind().messageKey(), null, locale) + ": " + i.title(),
          messages.getMessage(
              "deadlines.calendar.ics.description",
              new Object[] {i.assignmentLabel(), i.institutionName()},
              locale),
          origin + i.link());
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("deadlines-" + code + ".ics")
                .build()
                .toString())
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(calendar.end().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String status(DueItem item) {
    if (item.done()) {
      return "done";
    }
    if (item.overdue()) {
      return "overdue";
    }
    return item.dueSoon() ? "soon" : "upcoming";
  }

  private static Filter filter(String institution, String kind, boolean past) {
    UUID id = null;
    if (institution != null && !institution.isBlank()) {
      try {
        id = UUID.fromString(institution.strip());
      } catch (IllegalArgumentException e) {
        id = null;
      }
    }
    return new Filter(id, Kind.fromApiName(kind), past);
  }

  /** The filter as a query string, for the export links. */
  private static String query(Filter filter) {
    UriComponentsBuilder query = UriComponentsBuilder.newInstance();
    if (filter.institution() != null) {
      query.queryParam("institution", filter.institution());
    }
    if (filter.kind() != null) {
      query.queryParam("kind", filter.kind().apiName());
    }
    if (filter.includeDone()) {
      query.queryParam("past", true);
    }
    return query.build().toUriString();
  }
}
