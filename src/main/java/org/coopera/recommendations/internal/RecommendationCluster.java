package org.coopera.recommendations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A group of a State's near-duplicate or closely similar recommendations, what the implementation
 * plan tracks as one. The machine proposes clusters; a person accepts, splits and merges them. An
 * accepted cluster is never changed by the machine again.
 */
@Entity
@Table(name = "recommendation_cluster")
public class RecommendationCluster {

  /** Whether a person has accepted the cluster. */
  public enum Status {
    PROPOSED,
    ACCEPTED
  }

  @Id private UUID id;

  @Column(name = "state_iso3", nullable = false, length = 3)
  @JdbcTypeCode(SqlTypes.CHAR)
  private String stateIso3;

  private String label;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private Float cohesion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected RecommendationCluster() {}

  RecommendationCluster(
      String stateIso3, String label, double cohesion, Status status, Instant now) {
    this.id = UUID.randomUUID();
    this.stateIso3 = stateIso3;
    this.label = label;
    this.cohesion = (float) cohesion;
    this.status = status;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String stateIso3() {
    return stateIso3;
  }

  public String label() {
    return label;
  }

  public Status status() {
    return status;
  }

  public Float cohesion() {
    return cohesion;
  }

  public long version() {
    return version;
  }

  void accept(Instant now) {
    status = Status.ACCEPTED;
    updatedAt = now;
  }

  void relabel(String label, Instant now) {
    this.label = label;
    updatedAt = now;
  }

  void touch(Instant now) {
    updatedAt = now;
  }
}
