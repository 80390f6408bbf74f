/** Japanese strings of the backups screen and its warning. */
export const backupsJa = {
  title: 'バックアップ',
  intro: 'バックアップはサーバーのコマンドで作成します（サーバーを動かしたままで安全です）。ファイルはクリニックの鍵ファイルで暗号化されます。鍵ファイルのコピーはバックアップとは別の場所に保管してください。',
  last: '最新のバックアップ',
  none: 'バックアップの記録がありません。',
  ok: '最新のバックアップは {{hours}} 時間前です。',
  stale: '最新のバックアップから {{hours}} 時間経っています（{{limit}} 時間を超えています）。今すぐバックアップを作成してください。',
  noneWarning: 'バックアップがまだ一度も作成されていません。今すぐバックアップを作成してください。',
  howTitle: 'バックアップの作成方法',
  howSqlite: 'サーバーのフォルダで次のコマンドを実行します（毎日、cron やタスクスケジューラで自動実行することをおすすめします）：',
  howPostgres: 'DATABASE_URL を設定したうえで、サーバーのフォルダで次のコマンドを実行します（pg_dump を使います）：',
  restoreHint: '復元はサーバーを止めてから npx mimamori db restore ファイル名 で行います。',
  history: '最近のバックアップ',
  finishedAt: '作成日時',
  file: 'ファイル',
  size: 'サイズ',
  open: 'バックアップを確認',
};
