package io.compressor.web;

/// This month's totals, written for people.
public record MonthFigures(String month, String requests, String inputBytes, String outputBytes, String saved) {}
