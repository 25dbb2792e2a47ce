package org.coopera.recommendations;

import java.util.UUID;

/**
 * The members of cluster {@code absorbedId} joined cluster {@code intoId}, and the absorbed cluster
 * ceased to exist. Published in the transaction of the merge, before the absorbed cluster row is
 * removed.
 */
public record ClusterMerged(UUID absorbedId, UUID intoId, String stateIso3, String absorbedLabel) {}
