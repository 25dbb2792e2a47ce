package org.coopera.assistance.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request in a list. */
public record RequestSummary(
    UUID id,
    String stateIso3,
    String stateName,
    String title,
    AssistanceRequest.Status status,
    boolean confidential,
    List<String> areas,
    Instant updatedAt) {}
