package org.coopera.treaties.importing;

/** A file given to an import: its name as uploaded and its bytes. */
public record SourceFile(String name, byte[] content) {}
