package com.clearskin.audit;

/** Where a request came from, as the audit log keeps it: the client's address, its user agent and the path asked. */
record RequestOrigin(String ip, String userAgent, String path) {

    static final int MAX_USER_AGENT = 300;
    static final int MAX_PATH = 300;
    static final RequestOrigin NONE = new RequestOrigin(null, null, null);

    static RequestOrigin of(String ip, String userAgent, String path) {
        return new RequestOrigin(ip, clip(userAgent, MAX_USER_AGENT), clip(path, MAX_PATH));
    }

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("[\\p{Cntrl}]", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max);
    }
}
