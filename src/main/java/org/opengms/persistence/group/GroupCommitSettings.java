package org.opengms.persistence.group;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [storage] group_commit}: the most writes one commit may carry. 1 commits each write on its
 * own (as without group commit); the default 64 is more than a server usually has requests in
 * flight, so a group is whatever arrived while the previous commit ran.
 */
public record GroupCommitSettings(int maxWrites) {

  public static GroupCommitSettings from(IniDocument doc) {
    return new GroupCommitSettings(
        OptionValues.intValue(doc, "storage", "group_commit", 64, 1, 10_000));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<GroupCommitSettings> {
    public Section() {
      super(GroupCommitSettings.class, GroupCommitSettings::from);
    }
  }
}
