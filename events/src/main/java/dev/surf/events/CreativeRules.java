package dev.surf.events;

import java.util.List;

/**
 * Limits every creative obeys, whoever wrote it: the campaign API validates human creatives with
 * them, creative-gen constrains and checks Llama output with them.
 */
public final class CreativeRules {
    private CreativeRules() {
    }

    public static final int HEADLINE_MAX = 40;
    public static final int PRIMARY_TEXT_MAX = 125;
    public static final int DESCRIPTION_MAX = 30;

    /** The fixed call-to-action list, as stored and as the model must write it. */
    public static final List<String> CALLS_TO_ACTION = List.of(
            "LEARN_MORE", "SHOP_NOW", "SIGN_UP", "BOOK_NOW", "CONTACT_US",
            "DOWNLOAD", "GET_OFFER", "SUBSCRIBE", "APPLY_NOW", "ORDER_NOW");
}
