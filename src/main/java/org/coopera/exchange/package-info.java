/**
 * The exchange of practices between States (para 114): a State publishes what it did with the
 * assistance it received, its results and challenges, after the administrators moderate it; other
 * States comment, ask questions and say they adopted it; a weekly digest tells subscribers what is
 * new. Contacts are for signed-in officials, never the public.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.coopera.exchange;
