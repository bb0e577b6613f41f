import type { PasswordPolicy } from '@taotai/shared';

const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '特殊字符'],
];

/** Returns the Chinese reasons a password fails the policy (empty when it passes). */
export function passwordProblems(password: string, policy: PasswordPolicy, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`密码长度至少${policy.minLength}位`);
  const present = CLASSES.filter(([re]) => re.test(password)).length;
  if (present < policy.requiredClasses) {
    problems.push(
      `密码须包含大写字母、小写字母、数字、特殊字符中的至少${policy.requiredClasses}类（当前${present}类）`,
    );
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不得包含用户名');
  return problems;
}

/** True when the password is older than the rotation period (0 = never expires). */
export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  if (policy.rotationDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.rotationDays * 86_400_000;
}
