package org.coopera.assistance;

import java.util.List;
import java.util.UUID;

/**
 * A State withdrew its consent to a request: its projects are suspended. Published in the
 * transaction of the withdrawal.
 */
public record ConsentWithdrawn(UUID requestId, String stateIso3, List<UUID> suspendedProjects) {}
