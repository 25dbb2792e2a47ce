package org.coopera.capacity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.coopera.capacity.events.TrainingEvents;
import org.coopera.capacity.events.TrainingFigures;
import org.coopera.capacity.internal.Texts;
import org.coopera.capacity.roster.Roster;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The capacity-building portal's pages: the hub, the roster (counts for everyone, the people for
 * administrators and agency officers, one's own entry for a trainer), the training events and the
 * figures. A refused form comes back with what was typed and the reason.
 */
@Controller
class CapacityPagesController {

  private final Roster roster;
  private final TrainingEvents events;
  private final TrainingFigures figures;
  private final ReferenceData reference;
  private final ProjectLookup projects;

  CapacityPagesController(
      Roster roster,
      TrainingEvents events,
      TrainingFigures figures,
      ReferenceData reference,
      ProjectLookup projects) {
    this.roster = roster;
    this.events = events;
    this.figures = figures;
    this.reference = reference;
    this.projects = projects;
  }

  /** The roster entry form. */
  record TrainerForm(
      String fullName,
      String email,
      String state,
      String institution,
      List<String> treaties,
      List<String> themes,
      List<String> languages,
      String availability) {

    static TrainerForm empty() {
      return new TrainerForm(null, null, null, null, List.of(), List.of(), List.of(), "AVAILABLE");
    }

    static TrainerForm of(Roster.Trainer t) {
      return new TrainerForm(
          t.fullName(),
          t.email(),
          t.stateIso3(),
          t.institution(),
          t.treaties(),
          t.themes(),
          t.languages(),
          t.availability());
    }

    Roster.TrainerDraft draft() {
      return new Roster.TrainerDraft(
          fullName, email, state, institution, treaties, themes, languages, availability);
    }

    public boolean has(List<String> values, String code) {
      return values != null && values.contains(code);
    }
  }

  /** The event form. */
  record EventForm(
      String title,
      String kind,
      String treaty,
      String theme,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
      String place,
      Boolean online,
      String organisers,
      UUID projectId,
      Integer passMark) {

    static EventForm empty() {
      return new EventForm(
          null, "TRAIN_THE_TRAINERS", null, null, null, null, null, false, null, null, 70);
    }

    static EventForm of(TrainingEvents.Event e) {
      return new EventForm(
          e.title(),
          e.kind(),
          e.treatyCode(),
          e.themeCode(),
          e.startsOn(),
          e.endsOn(),
          e.place(),
          e.online(),
          e.organisers(),
          e.projectId(),
          e.passMark());
    }

    TrainingEvents.EventDraft draft() {
      return new TrainingEvents.EventDraft(
          title,
          kind,
          treaty,
          theme,
          startsOn,
          endsOn,
          place,
          online,
          organisers,
          projectId,
          passMark);
    }
  }

  /** The participant form. */
  record ParticipantForm(
      String fullName,
      String email,
      String state,
      String institution,
      String role,
      Boolean attended,
      Integer preScore,
      Integer postScore,
      Long version) {

    TrainingEvents.ParticipantDraft draft() {
      return new TrainingEvents.ParticipantDraft(
          fullName, email, state, institution, role, attended, preScore, postScore, version);
    }
  }

  @GetMapping("/capacity")
  String hub(@AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("figures", figures.figures(new TrainingFigures.Period(null, null, null)));
    model.addAttribute("aggregates", roster.aggregates());
    model.addAttribute("mine", roster.mine(user).orElse(null));
    return "capacity/hub";
  }

  // the roster

  @GetMapping("/capacity/trainers")
  String trainers(
      @RequestParam(required = false) String treaty,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String availability,
      @RequestParam(defaultValue = "false") boolean everyone,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletResponse response,
      Model model) {
    Roster.Filter filter = new Roster.Filter(treaty, theme, language, region, state, availability);
    if (Roster.mayManage(user)) {
      try {
        filter = roster.check(filter);
      } catch (InvalidInputException e) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("filterError", e);
        filter = Roster.Filter.none();
      }
    }
    return rosterPage(user, model, filter, everyone, TrainerForm.empty());
  }

  @PostMapping("/capacity/trainers")
  String addTrainer(
      @ModelAttribute TrainerForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (!Roster.mayManage(user)) {
      throw new AccessDeniedException("Administrators and agency officers keep the roster");
    }
    try {
      Roster.Trainer added = roster.add(form.draft(), user);
      redirect.addFlashAttribute("notice", "capacity.notice.trainer-added");
      return "redirect:/capacity/trainers/" + added.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return rosterPage(user, model, Roster.Filter.none(), false, form);
    }
  }

  @GetMapping("/capacity/trainers/{id}")
  String trainer(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    Roster.Trainer t = roster.find(id, user);
    return trainerPage(model, t, TrainerForm.of(t));
  }

  @PostMapping("/capacity/trainers/{id}")
  String changeTrainer(
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute TrainerForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      roster.update(id, version, form.draft(), user);
      redirect.addFlashAttribute("notice", "capacity.notice.trainer-saved");
      return "redirect:/capacity/trainers/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return trainerPage(model, roster.find(id, user), form);
    } catch (Roster.StaleTrainer e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("stale", true);
      model.addAttribute("yours", form);
      return trainerPage(model, e.current(), TrainerForm.of(e.current()));
    }
  }

  @PostMapping("/capacity/trainers/{id}/consent")
  String consent(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam boolean consents,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    try {
      roster.consent(id, version, consents, user);
      redirect.addFlashAttribute(
          "notice", consents ? "capacity.notice.consented" : "capacity.notice.consent-withdrawn");
    } catch (Roster.StaleTrainer e) {
      redirect.addFlashAttribute("refusal", "capacity.error.stale");
    }
    return "redirect:/capacity/trainers/" + id;
  }

  // events

  @GetMapping("/capacity/events")
  String eventList(@AuthenticationPrincipal CooperaUser user, Model model) {
    return eventsPage(user, model, EventForm.empty());
  }

  @PostMapping("/capacity/events")
  String createEvent(
      @ModelAttribute EventForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (!TrainingEvents.mayManage(user)) {
      throw new AccessDeniedException("Administrators, agency officers and trainers run events");
    }
    try {
      TrainingEvents.Event created = events.create(form.draft(), user);
      redirect.addFlashAttribute("notice", "capacity.notice.event-created");
      return "redirect:/capacity/events/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return eventsPage(user, model, form);
    }
  }

  @GetMapping("/capacity/events/{id}")
  String event(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    return eventPage(id, user, model, null);
  }

  @PostMapping("/capacity/events/{id}")
  String changeEvent(
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute EventForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (!TrainingEvents.mayManage(user)) {
      throw new AccessDeniedException("Administrators, agency officers and trainers run events");
    }
    try {
      events.update(id, version, form.draft(), user);
      redirect.addFlashAttribute("notice", "capacity.notice.event-saved");
      return "redirect:/capacity/events/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("editError", e);
      model.addAttribute("form", form);
      return eventPage(id, user, model, null);
    } catch (TrainingEvents.EventRefused e) {
      if (e.messageKey().equals("capacity.error.completed")) {
        redirect.addFlashAttribute("refusal", e.messageKey());
        return "redirect:/capacity/events/" + id;
      }
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("staleEvent", true);
      model.addAttribute("form", form);
      return eventPage(id, user, model, null);
    }
  }

  @PostMapping("/capacity/events/{id}/participants")
  String addParticipant(
      @PathVariable UUID id,
      @ModelAttribute ParticipantForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return participantStep(
        id,
        null,
        form,
        user,
        model,
        response,
        redirect,
        () -> events.addParticipant(id, form.draft(), user));
  }

  @PostMapping("/capacity/events/{id}/participants/{participantId}")
  String changeParticipant(
      @PathVariable UUID id,
      @PathVariable UUID participantId,
      @ModelAttribute ParticipantForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return participantStep(
        id,
        participantId,
        form,
        user,
        model,
        response,
        redirect,
        () -> events.updateParticipant(id, participantId, form.draft(), user));
  }

  @PostMapping("/capacity/events/{id}/complete")
  String complete(
      @PathVariable UUID id,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    try {
      events.complete(id, version, user);
      redirect.addFlashAttribute("notice", "capacity.notice.completed");
    } catch (TrainingEvents.EventRefused e) {
      redirect.addFlashAttribute("refusal", e.messageKey());
    }
    return "redirect:/capacity/events/" + id;
  }

  // figures

  @GetMapping("/capacity/figures")
  String figuresPage(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String region,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletResponse response,
      Model model) {
    TrainingFigures.Period period = new TrainingFigures.Period(from, to, Texts.clean(region));
    try {
      model.addAttribute("figures", figures.figures(period));
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      period = new TrainingFigures.Period(null, null, null);
      model.addAttribute("figures", figures.figures(period));
    }
    if (TrainingEvents.mayManage(user)) {
      model.addAttribute("officials", figures.officials(period, user));
    }
    model.addAttribute("regions", reference.regions());
    model.addAttribute(
        "csv",
        org.springframework.web.util.UriComponentsBuilder.fromPath("/api/v1/capacity/figures.csv")
            .queryParamIfPresent("from", java.util.Optional.ofNullable(period.from()))
            .queryParamIfPresent("to", java.util.Optional.ofNullable(period.to()))
            .queryParamIfPresent("region", java.util.Optional.ofNullable(period.region()))
            .toUriString());
    return "capacity/figures";
  }

  // helpers

  private String participantStep(
      UUID id,
      UUID participantId,
      ParticipantForm form,
      CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Runnable step) {
    if (!TrainingEvents.mayManage(user)) {
      throw new AccessDeniedException("Administrators, agency officers and trainers run events");
    }
    try {
      step.run();
      redirect.addFlashAttribute("notice", "capacity.notice.participant-saved");
      return "redirect:/capacity/events/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      model.addAttribute("errorParticipant", participantId);
      model.addAttribute("typed", form);
      return eventPage(id, user, model, form);
    } catch (TrainingEvents.EventRefused e) {
      redirect.addFlashAttribute("refusal", e.messageKey());
      return "redirect:/capacity/events/" + id;
    }
  }

  private String rosterPage(
      CooperaUser user, Model model, Roster.Filter filter, boolean everyone, TrainerForm form) {
    boolean manager = Roster.mayManage(user);
    model.addAttribute("aggregates", roster.aggregates());
    model.addAttribute("manager", manager);
    model.addAttribute("filter", filter);
    model.addAttribute("everyone", everyone);
    model.addAttribute("mine", roster.mine(user).orElse(null));
    if (manager) {
      model.addAttribute("trainers", roster.search(filter, everyone, user));
      model.addAttribute("form", form);
    }
    choices(model);
    return "capacity/trainers";
  }

  private String trainerPage(Model model, Roster.Trainer trainer, TrainerForm form) {
    model.addAttribute("t", trainer);
    model.addAttribute("form", form);
    choices(model);
    return "capacity/trainer";
  }

  private String eventsPage(CooperaUser user, Model model, EventForm form) {
    model.addAttribute("events", events.list());
    model.addAttribute("manager", TrainingEvents.mayManage(user));
    model.addAttribute("form", form);
    model.addAttribute("kinds", TrainingEvents.KINDS);
    model.addAttribute("projects", projects.all());
    choices(model);
    return "capacity/events";
  }

  private String eventPage(UUID id, CooperaUser user, Model model, ParticipantForm typed) {
    TrainingEvents.Event event = events.find(id, user);
    boolean manager = TrainingEvents.mayManage(user);
    model.addAttribute("e", event);
    model.addAttribute("manager", manager);
    if (manager && !event.completed()) {
      if (!model.containsAttribute("form")) {
        model.addAttribute("form", EventForm.of(event));
      }
      model.addAttribute("kinds", TrainingEvents.KINDS);
      model.addAttribute("projects", projects.all());
    }
    if (!model.containsAttribute("typed")) {
      model.addAttribute("typed", typed);
    }
    choices(model);
    return "capacity/event";
  }

  private void choices(Model model) {
    model.addAttribute("treaties", reference.instruments());
    model.addAttribute("themes", reference.themes());
    model.addAttribute("states", reference.allStates());
    model.addAttribute("regions", reference.regions());
    model.addAttribute("languages", Texts.LANGUAGES);
    model.addAttribute("availabilities", Roster.AVAILABILITY);
  }
}
