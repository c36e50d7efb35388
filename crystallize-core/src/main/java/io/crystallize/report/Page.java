package io.crystallize.report;

import java.time.Instant;

/** What every page shares: the head with the inlined style, and the foot with the data and script. */
final class Page {

    private Page() {
    }

    static void head(StringBuilder out, String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\" data-rendered=\"pending\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Crystallize\">\n<title>").append(Html.escape(title))
                .append("</title>\n<style>\n").append(Assets.CSS).append("</style>\n</head>\n<body>\n");
    }

    /**
     * The footer, the charts' data and the script that draws them. The script marks the page
     * {@code data-rendered="ok"} when every chart is drawn, and lists script errors in the footer.
     */
    static void foot(StringBuilder out, Instant generated, String chartData) {
        out.append("<footer>\n<noscript><p>The charts need JavaScript; the tables hold every number.</p></noscript>\n")
                .append("<ul id=\"render-errors\" hidden></ul>\n<p>Written by Crystallize at ")
                .append(Html.escape(generated.toString()))
                .append(". This page needs no network: its charts are drawn from the data inside it.</p>\n</footer>\n");
        if (chartData != null) {
            out.append("<script type=\"application/json\" id=\"crystallize-data\">").append(chartData)
                    .append("</script>\n");
        }
        out.append("<script>\n").append(Assets.JS).append("</script>\n</body>\n</html>\n");
    }
}
