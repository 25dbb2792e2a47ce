package org.coopera.platform;

import java.util.List;

/** A module's contribution to the public home page: figures computed from its data now. */
public interface HomeFigures {

  List<HomeFigure> figures();
}
