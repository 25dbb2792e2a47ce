package org.coopera.reference.internal;

import java.util.List;
import org.coopera.platform.HomeFigure;
import org.coopera.platform.HomeFigures;
import org.coopera.reference.ReferenceData;
import org.springframework.stereotype.Component;

/** The reference module's figures on the home page. */
@Component
class ReferenceHomeFigures implements HomeFigures {

  private final ReferenceData reference;

  ReferenceHomeFigures(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public List<HomeFigure> figures() {
    ReferenceData.Counts counts = reference.counts();
    return List.of(
        new HomeFigure("home.figure.states", counts.states(), "/states", 10),
        new HomeFigure(
            "home.figure.instruments", counts.instruments(), "/reference/instruments", 20),
        new HomeFigure("home.figure.mechanisms", counts.mechanisms(), "/reference/mechanisms", 30),
        new HomeFigure("home.figure.sdg-targets", counts.sdgTargets(), "/reference/sdgs", 40),
        new HomeFigure("home.figure.themes", counts.themes(), "/reference/themes", 50));
  }
}
