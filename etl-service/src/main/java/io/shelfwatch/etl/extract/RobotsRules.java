package io.shelfwatch.etl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The `User-agent: *` rules of a robots.txt (RFC 9309): the longest matching Allow/Disallow
 * wins, Allow on a tie; `*` matches any run of characters and a trailing `$` anchors the end.
 */
public final class RobotsRules {

    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private record Rule(String pattern, boolean allow) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static RobotsRules parse(String robotsTxt) {
        List<Rule> rules = new ArrayList<>();
        boolean inStarGroup = false;
        boolean lastWasAgent = false;
        for (String raw : robotsTxt.split("\\r?\\n|\\r")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                // Consecutive User-agent lines share one group.
                inStarGroup = (lastWasAgent && inStarGroup) || value.equals("*");
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (inStarGroup && (field.equals("allow") || field.equals("disallow")) && !value.isEmpty()) {
                rules.add(new Rule(value, field.equals("allow")));
            }
        }
        return new RobotsRules(rules);
    }

    /** Whether the path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), pathAndQuery) && (best == null || rule.pattern().length() > best.pattern().length()
                    || (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return matchFrom(p, 0, path, 0, anchored);
    }

    private static boolean matchFrom(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (matchFrom(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
