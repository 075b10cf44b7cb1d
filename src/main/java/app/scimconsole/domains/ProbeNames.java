package app.scimconsole.domains;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The names asked about in one check: the challenge name, and the places where a misplaced copy of the record
 * typically ends up — the domain itself (apex), and the challenge name with the domain (or its zone) appended
 * once more, which is what DNS panels produce when a full name is typed into a field that expects only the host.
 */
record ProbeNames(Name challenge, Name apex, List<Name> doubled) {

    static ProbeNames of(Challenge challenge, Name zone) {
        Set<Name> doubled = new LinkedHashSet<>();
        addIfValid(doubled, challenge.recordName() + "." + challenge.domain().ascii());
        if (zone != null && !zone.equals(challenge.domain().toDnsName())) {
            addIfValid(doubled, challenge.recordName() + "." + zone.toString(true));
        }
        return new ProbeNames(challenge.dnsName(), challenge.domain().toDnsName(), List.copyOf(doubled));
    }

    private static void addIfValid(Set<Name> names, String text) {
        try {
            names.add(Name.fromString(text + "."));
        } catch (TextParseException e) {
            // Longer than DNS allows: no DNS panel could have created it either, so there is nothing to look for.
        }
    }

    List<Name> all() {
        List<Name> all = new ArrayList<>();
        all.add(challenge);
        all.add(apex);
        all.addAll(doubled);
        return all;
    }
}
