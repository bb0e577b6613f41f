import type { ThemeConfig } from 'antd';
import { SIDER_BG } from './nav.tsx';

/**
 * The app's theme. Colours are chosen for WCAG AA (4.5:1 for text) because antd's defaults fail it on white
 * (issue 11: up to 48 contrast failures a page): the grey of secondary texts, labels and placeholders
 * (rgba(0,0,0,.45) ≈ 2.9:1), and link blue #1677ff (≈ 4.1:1). Our primary #1d4f91 is ≈ 8:1 on white.
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorInfo: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 4,
    // ≈ 5.9:1 on white and ≈ 5.4:1 on the layout's grey.
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    // ≈ 4.7:1: a placeholder is the only label some filter fields have.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // antd's error red #ff4d4f is ≈ 3.3:1; red-7 is ≈ 5.9:1 (danger links, form messages).
    colorError: '#cf1322',
  },
  components: {
    // Tags print their text in the colour's 7th shade on its 1st; for these hues that is under 4.5:1, so the
    // 8th shade is used (Tag only). Status tags (success/warning) use the status colour, darkened the same way.
    Tag: {
      green7: '#237804',
      orange7: '#ad4e00',
      gold7: '#ad6800',
      lime7: '#3f6600',
      cyan7: '#006d75',
      volcano7: '#ad2102',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
    },
    // The empty-table text is drawn in the "disabled" grey, which is not disabled content.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
    // So are the calendar's days of the neighbouring months, which are still dates one can open.
    Calendar: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
    // The unchecked switch prints its white label (可选) on the lightest grey.
    Switch: { colorTextQuaternary: 'rgba(0, 0, 0, 0.55)', colorTextTertiary: 'rgba(0, 0, 0, 0.65)' },
    Layout: { siderBg: SIDER_BG, triggerBg: '#0b2447' },
    // White at 75 % on the dark blues is ≈ 7:1 (antd's 65 % is fine too; this reads better on the sub-menu blue).
    Menu: { darkItemBg: SIDER_BG, darkSubMenuItemBg: '#0b2447', darkItemColor: 'rgba(255, 255, 255, 0.8)' },
  },
};
