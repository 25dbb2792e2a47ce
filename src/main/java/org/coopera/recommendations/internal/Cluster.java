package org.coopera.recommendations.internal;

import java.util.List;

/**
 * Near-duplicate or closely similar recommendations grouped by the {@link Clusterer}.
 *
 * @param ids the members' ids, in input order; at least two
 * @param representativeId the member closest to the cluster's centroid
 * @param cohesion the mean cosine similarity over all pairs of members (1 for exact duplicates)
 * @param groupKeys the distinct group keys of the members, sorted; more than one when the ask
 *     recurs across sessions or cycles
 */
record Cluster(List<String> ids, String representativeId, double cohesion, List<String> groupKeys) {

  Cluster {
    ids = List.copyOf(ids);
    groupKeys = List.copyOf(groupKeys);
  }

  int size() {
    return ids.size();
  }
}
