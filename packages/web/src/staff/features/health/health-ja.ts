/** Japanese strings of the server health banner shown to administrators. */
export const healthJa = {
  title: 'サーバーの状態に注意が必要です',
  diskLow: 'サーバーのディスクの空き容量が少なくなっています（残り {{free}} MB）。バックアップを確認し、空き容量を増やしてください。',
  diskLowUnknown: 'サーバーのディスクの空き容量が少なくなっています。バックアップを確認し、空き容量を増やしてください。',
  diskFull: 'ディスクがいっぱいで保存できません。空き容量を増やすまで、予約や入力は保存されません。',
  corrupt: 'データベースの破損を検出しました。入力を控え、最後の正常なバックアップから復元してください（復旧手順: docs/security.md「Recovering a damaged database」）。',
  clockOffset: 'サーバーの時計が時刻源（{{source}}）から {{seconds}} 秒ずれています。記録の時刻が正しくなくなるため、時刻の同期（NTP）を確認してください。',
  clockUnreachable: '時刻源（{{source}}）に接続できず、サーバーの時計のずれを確認できません。ネットワークと時刻の同期（NTP）の設定を確認してください。',
  unknownSource: '未設定',
};
