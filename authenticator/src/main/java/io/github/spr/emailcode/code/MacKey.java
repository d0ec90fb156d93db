package io.github.spr.emailcode.code;

/** A secret for keying code MACs, with the id that finds it again after the realm's keys rotate. */
public record MacKey(String id, byte[] secret) {
}
