package org.coopera.treaties;

import java.util.Map;
import java.util.Set;

/**
 * Where the individual communications procedure of a treaty is accepted: for five treaties, by
 * becoming party to the optional protocol that establishes it (a State party to the protocol has
 * accepted it); for the others, by a declaration under the treaty (event {@code COMMUNICATIONS}).
 */
public final class Procedures {

  /** The treaty's code to the code of the protocol that establishes its procedure. */
  public static final Map<String, String> COMMUNICATIONS_PROTOCOL =
      Map.of(
          "icescr", "icescr_op",
          "iccpr", "iccpr_op1",
          "cedaw", "op_cedaw",
          "crc", "op_crc_ic",
          "crpd", "op_crpd");

  private Procedures() {}

  /** The codes of the protocols that establish a communications procedure. */
  public static Set<String> communicationsProtocols() {
    return Set.copyOf(COMMUNICATIONS_PROTOCOL.values());
  }
}
