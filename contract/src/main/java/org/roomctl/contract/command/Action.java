package org.roomctl.contract.command;

import java.util.List;
import java.util.Optional;

/**
 * An action the room agent takes, described as data: its name, the role of the device it acts
 * on, its arguments, and the text forms people can type.
 *
 * @param name for example {@code camera.recall}
 * @param role the device role it addresses ({@code codec}, {@code camera}, {@code doccam},
 *     {@code display}), or empty for room-wide actions
 * @param arguments every argument it takes
 * @param textForms patterns such as {@code camera recall <preset>}; the words are literal, the
 *     placeholders are arguments in order; the first form is the canonical one
 * @param help one line for people
 * @param exactlyOneOf argument names of which exactly one must be given (empty: no such rule)
 */
public record Action(
        String name,
        Optional<String> role,
        List<Argument> arguments,
        List<String> textForms,
        String help,
        List<String> exactlyOneOf) {
    public Action {
        arguments = List.copyOf(arguments);
        textForms = List.copyOf(textForms);
        exactlyOneOf = List.copyOf(exactlyOneOf);
    }

    public Action(String name, Optional<String> role, List<Argument> arguments, List<String> textForms, String help) {
        this(name, role, arguments, textForms, help, List.of());
    }

    public Optional<Argument> argument(String argName) {
        return arguments.stream().filter(a -> a.name().equals(argName)).findFirst();
    }
}
