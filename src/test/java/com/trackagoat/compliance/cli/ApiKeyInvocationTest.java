package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code api-key} command line: checked before anything starts, like every other command. */
class ApiKeyInvocationTest {

    private static final String ORG = "3f0c0a57-1b2c-4d5e-8f90-0000000000a0";

    @Test
    void createTakesAnOrganizationAndAName() {
        Invocation create = Invocation.parse("api-key", "create", "--org=" + ORG, "--name=payouts service");

        assertThat(create.command()).isEqualTo(Command.API_KEY);
        ApiKeyCommands.Create action = (ApiKeyCommands.Create) create.action();
        assertThat(action.org).isEqualTo(UUID.fromString(ORG));
        assertThat(action.name()).isEqualTo("payouts service");
    }

    @Test
    void revokeTakesAKeyId() {
        Invocation revoke = Invocation.parse("api-key", "revoke", "--id=" + ORG);

        assertThat(revoke.action()).isInstanceOf(ApiKeyCommands.Revoke.class);
        assertThat(((ApiKeyCommands.Revoke) revoke.action()).id).isEqualTo(UUID.fromString(ORG));
    }

    @Test
    void createAdminTakesANameAndNoOrganization() {
        Invocation create = Invocation.parse("api-key", "create", "--admin", "--name=on-call");

        ApiKeyCommands.Create action = (ApiKeyCommands.Create) create.action();
        assertThat(action.admin).isTrue();
        assertThat(action.org).isNull();
        assertThat(action.name()).isEqualTo("on-call");
        assertThat(action.expiresIn()).isEmpty();
    }

    @ParameterizedTest(name = "--expires-in={0}")
    @CsvSource({"90d,P90D", "12h,PT12H", "30m,PT30M", "45s,PT45S", "PT1H,PT1H", "P2D,PT48H", "P1DT12H,PT36H",
            "36500d,P36500D"})
    void expiresInTakesDaysHoursMinutesSecondsOrIso(String value, String expected) {
        Invocation create = Invocation.parse("api-key", "create", "--admin", "--name=x", "--expires-in=" + value);

        assertThat(((ApiKeyCommands.Create) create.action()).expiresIn()).isEqualTo(Optional.of(Duration.parse(expected)));
    }

    @Test
    void expiresInIsAlsoAnOptionOfAnOrganizationsKey() {
        Invocation create = Invocation.parse("api-key", "create", "--org=" + ORG, "--name=x", "--expires-in=7d");

        assertThat(((ApiKeyCommands.Create) create.action()).expiresIn()).hasValue(Duration.ofDays(7));
    }

    @ParameterizedTest(name = "--expires-in={0}")
    @ValueSource(strings = {"0d", "PT0S", "-PT1H", "PT-1H", "-1d", "1w", "1.5h", "90", "d", "tomorrow", "36501d",
            "P999999999D", "PT1H ", "1D", "9999999999d"})
    void expiresInThatIsNotAPositiveDurationIsRefused(String value) {
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--admin", "--name=x", "--expires-in=" + value))
                .hasMessage("--expires-in='" + value + "' is not a positive duration up to 36500d, such as 90d, 12h,"
                        + " 30m or PT1H");
    }

    @Test
    void listTakesNoOptions() {
        assertThat(Invocation.parse("api-key", "list").action()).isInstanceOf(ApiKeyCommands.ListKeys.class);
        assertThatThrownBy(() -> Invocation.parse("api-key", "list", "--org=" + ORG))
                .hasMessage("--org is not an option of api-key list (api-key list takes no options)");
    }

    @Test
    void unknownActionIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "delete"))
                .hasMessage("unknown api-key action 'delete' (actions: create, list, revoke)");
    }

    @Test
    void noActionIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key"))
                .hasMessage("api-key needs create, list or revoke: api-key create --org=UUID|--admin --name=TEXT"
                        + " | api-key list | api-key revoke --id=UUID");
    }

    @Test
    void anActionsOptionWithoutTheActionAsksForTheAction() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "--org=" + ORG))
                .hasMessage("api-key needs create or list or revoke before --org (--org is an option of api-key create)");
    }

    @Test
    void createNeedsExactlyOneOfOrganizationAndAdmin() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--name=x"))
                .hasMessage("api-key create needs --org=UUID or --admin");
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--org=" + ORG, "--admin", "--name=x"))
                .hasMessage("api-key create takes --org=UUID or --admin, not both");
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--admin", "--admin", "--name=x"))
                .hasMessage("option --admin given twice");
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--org=acme", "--name=x"))
                .hasMessage("--org='acme' is not a UUID");
    }

    @Test
    void blankNameIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--org=" + ORG, "--name=  "))
                .hasMessage("api-key create needs --name=TEXT (what the key is for)");
    }

    @Test
    void revokeWithoutIdIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "revoke"))
                .hasMessage("api-key revoke needs --id=UUID");
    }

    @Test
    void aSecondActionIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "revoke", "--org=" + ORG, "--name=x"))
                .hasMessage("unexpected argument 'revoke'");
    }

    @Test
    void otherCommandsStillRefuseExtraArguments() {
        assertThatThrownBy(() -> Invocation.parse("report", "create")).hasMessage("unexpected argument 'create'");
    }
}
