package io.github.spr.compat;

import java.util.Map;

/** Realm settings changed for one scenario and put back as they were when it ends, however it ends. */
final class RealmSettingsChange implements AutoCloseable {

    private final AdminApi admin;
    private final Map<String, Object> before;

    private RealmSettingsChange(AdminApi admin, Map<String, Object> before) {
        this.admin = admin;
        this.before = before;
    }

    static RealmSettingsChange apply(AdminApi admin, Map<String, Object> changes) {
        Map<String, Object> before = admin.realmFields(changes.keySet());
        admin.updateRealm(changes);
        return new RealmSettingsChange(admin, before);
    }

    @Override
    public void close() {
        admin.updateRealm(before);
    }
}
