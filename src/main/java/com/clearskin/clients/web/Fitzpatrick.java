package com.clearskin.clients.web;

import java.util.List;

/** The Fitzpatrick skin types as the intake form offers them (treatment facts §6, source [41]). */
public record Fitzpatrick(int type, String roman, String description) {

    static final List<Fitzpatrick> TYPES = List.of(
            new Fitzpatrick(1, "I", "White; always burns, never tans"),
            new Fitzpatrick(2, "II", "Fair; always burns, tans with difficulty"),
            new Fitzpatrick(3, "III", "Average; sometimes mild burn, tans about average"),
            new Fitzpatrick(4, "IV", "Light brown; rarely burns, tans easily"),
            new Fitzpatrick(5, "V", "Brown; never burns, tans very easily"),
            new Fitzpatrick(6, "VI", "Black; heavily pigmented, never burns"));

    static String roman(Integer type) {
        return type == null || type < 1 || type > TYPES.size() ? "" : TYPES.get(type - 1).roman();
    }
}
