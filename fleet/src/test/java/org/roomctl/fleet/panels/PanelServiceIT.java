package org.roomctl.fleet.panels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roomctl.schema.jooq.Tables.PANEL;
import static org.roomctl.schema.jooq.Tables.PANEL_PAIRING_CODE;
import static org.roomctl.schema.jooq.Tables.ROOM;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.fleet.TestClock;
import org.roomctl.schema.Database;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelServiceIT {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T09:00:00Z"));
    private Database db;
    private PanelService panels;

    @BeforeAll
    void open() {
        db = Database.open(TestDatabases.fresh(), null, null, "panels-test", 2);
        db.dsl()
                .insertInto(ROOM, ROOM.ID, ROOM.NAME, ROOM.SITE)
                .values("room-a", "Room A", "Sydney")
                .execute();
        db.dsl()
                .insertInto(ROOM, ROOM.ID, ROOM.NAME, ROOM.SITE)
                .values("room-b", "Room B", "Sydney")
                .execute();
        panels = new PanelService(db, clock);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aCodeIsShortReadableAndOnlyItsHashIsKept() {
        PairingCode code = panels.issueCode("room-a", "admin", PanelService.DEFAULT_CODE_LIFETIME);
        assertThat(code.code()).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        assertThat(code.expiresAt()).isEqualTo(clock.instant().plus(PanelService.DEFAULT_CODE_LIFETIME));
        assertThat(db.dsl().fetch(PANEL_PAIRING_CODE).getValues(PANEL_PAIRING_CODE.CODE_HASH))
                .noneMatch(h -> h.contains(code.code().replace("-", "")))
                .contains(PanelService.hash(PanelService.normal(code.code())));
    }

    @Test
    void aCodeIsExchangedOnceForACredentialForItsRoomOnly() throws Exception {
        PairingCode code = panels.issueCode("room-b", "admin", Duration.ofMinutes(5));
        // typed loosely: lower case, no dash
        PanelCredential credential = panels.enrol(code.code().toLowerCase().replace("-", ""), "Chrome on the wall");
        assertThat(credential.panel().room()).isEqualTo("room-b");
        assertThat(credential.panel().name()).isEqualTo("Chrome on the wall");
        assertThat(panels.authenticate(credential.token())).map(Panel::room).contains("room-b");
        assertThat(db.dsl()
                        .fetchValue(
                                PANEL.SECRET_HASH,
                                PANEL.ID.eq(credential.panel().id())))
                .isNotEqualTo(credential.token().substring(credential.token().indexOf('.') + 1));

        assertThatThrownBy(() -> panels.enrol(code.code(), "another"))
                .isInstanceOf(PanelService.EnrolmentRefused.class)
                .hasMessage("that code has been used already; ask for a new one");
    }

    @Test
    void unknownAndExpiredCodesAreRefused() {
        assertThatThrownBy(() -> panels.enrol("ZZZZ-ZZZZ", "x")).hasMessageContaining("not known");
        PairingCode code = panels.issueCode("room-a", "admin", Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> panels.enrol(code.code(), "x")).hasMessage("that code has expired; ask for a new one");
    }

    @Test
    void aCodeForAnUnknownRoomIsRefused() {
        assertThatThrownBy(() -> panels.issueCode("room-z", "admin", Duration.ofMinutes(1)))
                .hasMessage("there is no room 'room-z'");
    }

    @Test
    void forgedAndRevokedCredentialsDoNotAuthenticate() throws Exception {
        PanelCredential c = panels.enrol(
                panels.issueCode("room-a", "admin", Duration.ofMinutes(5)).code(), "p");
        String id = c.token().substring(0, c.token().indexOf('.'));
        assertThat(panels.authenticate(id + ".not-the-secret")).isEmpty();
        assertThat(panels.authenticate("garbage")).isEmpty();
        assertThat(panels.authenticate(null)).isEmpty();
        assertThat(panels.authenticate("999999.x")).isEmpty();

        assertThat(panels.revoke(c.panel().id(), "admin")).isTrue();
        assertThat(panels.authenticate(c.token())).isEmpty();
        assertThat(panels.revoke(c.panel().id(), "admin")).isFalse();
        assertThat(panels.panels("room-a"))
                .filteredOn(p -> p.id() == c.panel().id())
                .singleElement()
                .satisfies(p -> assertThat(p.revokedBy()).isEqualTo("admin"));
    }

    @Test
    void useIsRecordedAsLastSeen() throws Exception {
        PanelCredential c = panels.enrol(
                panels.issueCode("room-a", "admin", Duration.ofMinutes(5)).code(), "p");
        clock.advance(Duration.ofMinutes(3));
        assertThat(panels.authenticate(c.token()).orElseThrow().lastSeenAt()).isEqualTo(clock.instant());
    }
}
