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
  },
  components: {
    Layout: { siderBg: SIDER_BG, triggerBg: '#0b2447' },
    // White at 75 % on the dark blues is ≈ 7:1 (antd's 65 % is fine too; this reads better on the sub-menu blue).
    Menu: { darkItemBg: SIDER_BG, darkSubMenuItemBg: '#0b2447', darkItemColor: 'rgba(255, 255, 255, 0.8)' },
  },
};
