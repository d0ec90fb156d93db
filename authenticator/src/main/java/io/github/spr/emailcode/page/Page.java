package io.github.spr.emailcode.page;

/** The step's pages, by template. */
public enum Page {
    /** "Verify your identity": the address the code will go to; nothing is sent before it is clicked. */
    CHOOSE("email-code-choose.ftl"),
    /** Enter the code, ask for a new one, or start over. */
    CODE("email-code-form.ftl"),
    /** No code can be had (and why); only starting over is offered. */
    UNAVAILABLE("email-code-unavailable.ftl"),
    /** The mail could not be sent; Try again. */
    SEND_FAILED("email-code-send-failed.ftl");

    final String template;

    Page(String template) {
        this.template = template;
    }
}
