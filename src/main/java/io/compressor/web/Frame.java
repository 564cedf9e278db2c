package io.compressor.web;

/// What every signed-in page shows around its content: the account, the current section, and the
/// session's CSRF token for the forms on the page.
public record Frame(String title, String section, String accountName, String accountEmail, String csrf) {}
