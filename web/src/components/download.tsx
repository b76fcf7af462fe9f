import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DownloadedFile, ExportFormat } from '../api/endpoints';
import { errorText } from './errors';
import { toast } from './toast';

/** Hands a fetched file to the browser as a download (the link is made, clicked and removed). */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A report's CSV and XLSX buttons: each fetches the file with the session's token and saves it. */
export function ExportButtons({ file }: { file: (format: ExportFormat) => Promise<DownloadedFile> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      saveFile(await file(format));
      toast.success(t('coverage.exported'));
    } catch (err) {
      toast.error(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {(['csv', 'xlsx'] as const).map((f) => (
        <Button key={f} loading={busy === f} onClick={() => void download(f)}>
          {t('coverage.export', { format: f.toUpperCase() })}
        </Button>
      ))}
    </>
  );
}
