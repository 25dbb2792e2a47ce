package org.coopera.recommendations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.coopera.recommendations.TagKind;

/**
 * A theme, SDG goal or target, or affected group on a recommendation, with who set it (a person, an
 * import, or the machine) and whether it stands (confirmed), waits for a person (a machine
 * suggestion) or was turned down (rejected: kept so that the same suggestion is not made again).
 */
@Embeddable
public class Tag {

  /** Who set a tag. */
  public enum Origin {
    PERSON,
    IMPORT,
    MACHINE
  }

  /** Whether a tag stands. */
  public enum Status {
    CONFIRMED,
    SUGGESTED,
    REJECTED
  }

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TagKind kind;

  @Column(nullable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Origin origin;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private Float confidence;

  @Column(name = "decided_by")
  private UUID decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected Tag() {}

  Tag(
      TagKind kind,
      String code,
      Origin origin,
      Status status,
      Float confidence,
      UUID decidedBy,
      Instant decidedAt) {
    this.kind = kind;
    this.code = code;
    this.origin = origin;
    this.status = status;
    this.confidence = confidence;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public TagKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public Origin origin() {
    return origin;
  }

  public Status status() {
    return status;
  }

  public Float confidence() {
    return confidence;
  }

  public UUID decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  boolean confirmed() {
    return status == Status.CONFIRMED;
  }

  boolean is(TagKind kind, String code) {
    return this.kind == kind && this.code.equals(code);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tag tag && tag.kind == kind && tag.code.equals(code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, code);
  }
}
