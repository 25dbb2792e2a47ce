package org.coopera.platform.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.platform.AuditedPrincipal;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in person's notifications: the list, opening one, marking all read. */
@Controller
class NotificationsController {

  private static final int PAGE_SIZE = 25;

  private final JdbcNotifications notifications;
  private final MessageSource messages;

  NotificationsController(JdbcNotifications notifications, MessageSource messages) {
    this.notifications = notifications;
    this.messages = messages;
  }

  /** One line of the list, in the reader's language. */
  public record Line(UUID id, String text, Instant createdAt, boolean read) {}

  @GetMapping("/notifications")
  String list(
      @AuthenticationPrincipal AuditedPrincipal me,
      @RequestParam(required = false) Integer page,
      Locale locale,
      Model model) {
    ListPage<Line> lines =
        notifications
            .list(me.accountId(), PageParameters.of(page, null, PAGE_SIZE))
            .map(n -> new Line(n.id(), text(n, locale), n.createdAt(), n.read()));
    model.addAttribute("notifications", lines);
    model.addAttribute("anyUnread", lines.items().stream().anyMatch(l -> !l.read()));
    return "notifications/list";
  }

  /** Marks the notification read and goes where it leads. */
  @GetMapping("/notifications/{id}")
  String open(@AuthenticationPrincipal AuditedPrincipal me, @PathVariable UUID id) {
    String link =
        notifications
            .open(me.accountId(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return "redirect:" + link;
  }

  @PostMapping("/notifications/read")
  String markAllRead(@AuthenticationPrincipal AuditedPrincipal me, RedirectAttributes redirect) {
    int marked = notifications.markAllRead(me.accountId());
    redirect.addFlashAttribute("marked", marked);
    return "redirect:/notifications";
  }

  private String text(JdbcNotifications.Stored notification, Locale locale) {
    List<String> arguments = notification.arguments();
    return messages.getMessage(
        notification.messageKey(), arguments.toArray(), notification.messageKey(), locale);
  }
}
