package org.coopera.generator;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Identifiers and random streams that depend only on the seed, the kind of row and its number: the
 * same seed gives the same rows, and a row can be made again from its number without holding the
 * others (a project's State from its number when its activities are written, a pass later).
 */
final class Ids {

  static final int RECOMMENDATION = 1;
  static final int ACCOUNT = 2;
  static final int INSTITUTION = 3;
  static final int ASSIGNMENT = 4;
  static final int ACTION = 5;
  static final int UPDATE = 6;
  static final int REQUEST = 7;
  static final int PROVIDER = 8;
  static final int ASSESSMENT = 9;
  static final int PROJECT = 10;
  static final int PARTNER = 11;
  static final int ACTIVITY = 12;
  static final int RESULT = 13;
  static final int INDICATOR = 14;
  static final int PLEDGE = 15;
  static final int CONTRIBUTION = 16;
  static final int ALLOCATION = 17;
  static final int DISBURSEMENT = 18;
  static final int EXPENDITURE = 19;
  static final int EVENT = 20;
  static final int PARTICIPANT = 21;

  private final long seed;

  Ids(long seed) {
    this.seed = seed;
  }

  SplittableRandom random(int kind, long i) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + i);
  }

  UUID id(int kind, long i) {
    SplittableRandom random = random(kind, i).split();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
