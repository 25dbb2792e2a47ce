package org.coopera.recommendations.web;

import org.coopera.platform.InvalidParameterException;
import org.coopera.reference.ReferenceData;

/**
 * A {@code state} request parameter read as the State it names, or refused naming the parameter.
 */
final class StateParameter {

  private StateParameter() {}

  static ReferenceData.State require(ReferenceData reference, String value) {
    return reference
        .findState(value)
        .orElseThrow(
            () ->
                new InvalidParameterException(
                    "state", "recommendations.search.error.value", value));
  }
}
