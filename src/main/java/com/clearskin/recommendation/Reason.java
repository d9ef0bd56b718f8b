package com.clearskin.recommendation;

/** Why a verdict is what it is: the rule's name, a sentence a client understands, and the source. */
public record Reason(String rule, String text, String source) {
}
