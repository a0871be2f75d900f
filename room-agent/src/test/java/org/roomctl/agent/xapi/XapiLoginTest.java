package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XapiLoginTest {
    private static final Duration PROMPT = Duration.ofMillis(300);
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final XapiLogin login = new XapiLogin(Optional.of("admin"), "s3cret", PROMPT, ANSWER);

    private static String typed(XapiLogin.Step step) {
        return step.type() == null ? null : new String(step.type(), StandardCharsets.UTF_8);
    }

    @Test
    void atFirstItWaitsForAPrompt() {
        XapiLogin.Step step = login.start();
        assertThat(step.type()).isNull();
        assertThat(step.delay()).isEqualTo(PROMPT);
    }

    @Test
    void withoutAPromptItWakesTheTerminalOnce() {
        login.start();
        XapiLogin.Step wake = login.timeUp();
        assertThat(typed(wake)).isEqualTo("\n");
        assertThat(wake.delay()).isEqualTo(PROMPT);
    }

    @Test
    void stillNoPromptMeansNoLoginIsNeeded() {
        login.start();
        login.timeUp();
        assertThat(login.timeUp().outcome()).isEqualTo(XapiLogin.Outcome.LOGGED_IN);
    }

    @Test
    void loginPromptIsAnsweredWithTheUserName() {
        login.start();
        XapiLogin.Step step = login.loginPrompt();
        assertThat(typed(step)).isEqualTo("admin\n");
        assertThat(step.what()).doesNotContain("s3cret");
        assertThat(step.delay()).isEqualTo(ANSWER);
    }

    @Test
    void passwordPromptIsAnsweredWithThePassword() {
        login.loginPrompt();
        XapiLogin.Step step = login.passwordPrompt();
        assertThat(typed(step)).isEqualTo("s3cret\n");
        assertThat(step.what()).isEqualTo("password"); // what is logged: never the password
    }

    @Test
    void echoOfTheUserNameChangesNothing() {
        login.loginPrompt();
        assertThat(login.text()).isEqualTo(XapiLogin.Step.NOTHING);
    }

    @Test
    void bannerAfterThePasswordWaitsForATrailingOk() {
        login.loginPrompt();
        login.passwordPrompt();
        XapiLogin.Step step = login.text();
        assertThat(step.outcome()).isEqualTo(XapiLogin.Outcome.PENDING);
        assertThat(step.delay()).isEqualTo(PROMPT);
        assertThat(login.output().outcome()).isEqualTo(XapiLogin.Outcome.LOGGED_IN);
    }

    @Test
    void bannerWithoutOkIsALoginWhenTheWaitIsOver() {
        login.loginPrompt();
        login.passwordPrompt();
        login.text();
        assertThat(login.timeUp().outcome()).isEqualTo(XapiLogin.Outcome.LOGGED_IN);
    }

    @Test
    void loginIncorrectRejects() {
        login.loginPrompt();
        login.passwordPrompt();
        assertThat(login.incorrect().outcome()).isEqualTo(XapiLogin.Outcome.REJECTED);
        assertThat(login.rejection()).isEqualTo("login incorrect");
    }

    @Test
    void newPromptAfterThePasswordRejects() {
        login.loginPrompt();
        login.passwordPrompt();
        assertThat(login.loginPrompt().outcome()).isEqualTo(XapiLogin.Outcome.REJECTED);
    }

    @Test
    void afterARejectionPromptsAreNotAnswered() {
        login.loginPrompt();
        login.passwordPrompt();
        login.incorrect();
        assertThat(login.loginPrompt()).isEqualTo(XapiLogin.Step.NOTHING);
        assertThat(login.passwordPrompt()).isEqualTo(XapiLogin.Step.NOTHING);
    }

    @Test
    void promptWithoutAConfiguredUserRejects() {
        XapiLogin anonymous = new XapiLogin(Optional.empty(), "", PROMPT, ANSWER);
        assertThat(anonymous.loginPrompt().outcome()).isEqualTo(XapiLogin.Outcome.REJECTED);
        assertThat(anonymous.rejection()).contains("no username is configured");
    }

    @Test
    void missingPasswordIsTypedAsAnEmptyLine() {
        XapiLogin noPassword = new XapiLogin(Optional.of("admin"), "", PROMPT, ANSWER);
        noPassword.loginPrompt();
        assertThat(typed(noPassword.passwordPrompt())).isEqualTo("\n");
    }

    @Test
    void outputRightAfterTheUserNameMeansNoPasswordIsNeeded() {
        login.loginPrompt();
        assertThat(login.output().outcome()).isEqualTo(XapiLogin.Outcome.LOGGED_IN);
    }
}
