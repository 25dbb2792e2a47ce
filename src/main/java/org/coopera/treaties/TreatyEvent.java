package org.coopera.treaties;

/** What a State did in respect of an instrument. */
public enum TreatyEvent {
  /** Signed, which binds it not to defeat the instrument's object but not to apply it. */
  SIGNATURE,
  /** Ratified, acceded or succeeded: bound by the instrument (a State party). */
  CONSENT,
  /** Accepted the competence of the treaty body to receive individual communications. */
  COMMUNICATIONS,
  /** Accepted (or did not opt out of) the inquiry procedure. */
  INQUIRY
}
