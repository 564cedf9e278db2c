package io.compressor.web;

import io.compressor.job.DailyUsage;
import io.compressor.job.JobService;
import io.compressor.job.JobStatus;
import io.compressor.job.Usage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// `/dashboard/activity`: this month's totals, requests and bytes saved per day over 30 days, and the
/// latest jobs, filterable by status.
final class ActivityPage {
    static final int DAYS = 30;
    static final int ROWS = 100;
    private static final List<String> STATUSES = Arrays.stream(JobStatus.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();

    private final JobService jobs;
    private final Pages pages;

    ActivityPage(JobService jobs, Pages pages) {
        this.jobs = jobs;
        this.pages = pages;
    }

    void register(PageRoutes routes) {
        routes.get("/dashboard", ctx -> ctx.redirect("/dashboard/activity", HttpStatus.SEE_OTHER));
        routes.get("/dashboard/activity", this::show);
    }

    private void show(Context ctx) {
        String accountId = Guard.account(ctx).id();
        String filter = ctx.queryParam("status");
        Optional<JobStatus> status = STATUSES.contains(filter)
                ? Optional.of(JobStatus.valueOf(filter.toUpperCase(Locale.ROOT))) : Optional.empty();
        List<DailyUsage> days = jobs.daily(accountId, DAYS);
        Chart requests = Chart.of("Requests per day", days.stream()
                .map(d -> new Chart.Point(d.day().toString(), d.requests())).toList(), Format::count);
        Chart saved = Chart.of("Bytes saved per day", days.stream()
                .map(d -> new Chart.Point(d.day().toString(), d.bytesSaved())).toList(), Format::bytes);
        Usage month = jobs.usage(accountId);
        pages.render(ctx, "activity.jte", Map.of("frame", Guard.frame(ctx, "Activity", "activity"),
                "rows", jobs.recent(accountId, status, ROWS).stream().map(JobRow::of).toList(),
                "statuses", STATUSES, "status", status.isPresent() ? filter : "",
                "charts", List.of(requests, saved),
                "month", new MonthFigures(month.month(), Format.count(month.requests()), Format.bytes(month.inputBytes()),
                        Format.bytes(month.outputBytes()), Format.bytes(month.bytesSaved()))));
    }
}
