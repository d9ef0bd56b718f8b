package com.clearskin.catalog;

/** An entry of the source register: a seed text, a reference, or the team's inference. */
public record Source(String id, String title, String url, boolean weak) {
}
