// Multipart uploads into memory, within limits checked as the bytes arrive rather than after: per
// file (multer's fileSize), and per request over all its files together, counted here chunk by chunk.
// Without the second, 20 files of 49 MB were all held (1.2 GB) before anything looked at them. A
// request that declares a larger body is answered before a byte of it is read.
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { fileTooLarge } from '../importers/file-problem.js';
import { InputError, TooLargeError } from './errors.js';

export type UploadLimits = {
  /** The multipart field holding the files. */
  field: string;
  maxFiles: number;
  fileBytes: number;
  totalBytes: number;
  /** Sees each file's bytes as they arrive and may throw (an InputError) to refuse it there and then. */
  inspect?: (fileName: string) => { write(chunk: Uint8Array): void };
  /** One file, as `req.file`, instead of `req.files`. */
  single?: boolean;
};

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Number((bytes / MB).toFixed(2))} MB`;

/** Fills `req.files` (buffers) from the multipart field, or passes TooLargeError (413) / InputError (400) on. */
export function uploadFiles(limits: UploadLimits): RequestHandler {
  const upload = multer({
    storage: countingMemoryStorage(limits),
    limits: { fileSize: limits.fileBytes, files: limits.maxFiles, fields: 10, fieldSize: 64 * 1024 },
  });
  const parse = limits.single ? upload.single(limits.field) : upload.array(limits.field, limits.maxFiles);
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    // Node reads and drops the body of a request answered early, so the client still gets the answer.
    if (declared > limits.totalBytes) return next(fileTooLarge(`The upload is ${mb(declared)}, more than the ${mb(limits.totalBytes)} accepted per request / De upload is te groot`, { code: 'upload-too-large', params: { size: declared, max: limits.totalBytes } }));
    parse(req, res, error => next(error === undefined ? undefined : explained(error, limits)));
  };
}

/**
 * multer's terse errors in the words of the upload: which file, which limit. Anything else but our own
 * errors comes from reading the form (busboy: "Unexpected end of form") and is the request's fault.
 */
function explained(error: Error, limits: UploadLimits): Error {
  if (error instanceof TooLargeError || error instanceof InputError) return error;
  if (!(error instanceof multer.MulterError)) return new InputError(`The upload is not a readable multipart form (${error.message}) / onleesbaar formulier`);
  const file = (error as multer.MulterError & { filename?: string }).filename;
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return fileTooLarge(`${file ?? 'A file'}: larger than the ${mb(limits.fileBytes)} accepted per file / bestand te groot`, { file, code: 'file-too-large', params: { max: limits.fileBytes } });
    case 'LIMIT_FILE_COUNT':
      return fileTooLarge(`More than ${limits.maxFiles} files in one upload / te veel bestanden`, { code: 'upload-too-many-files', params: { max: limits.maxFiles } });
    case 'LIMIT_UNEXPECTED_FILE':
      return new InputError(`Unexpected file field '${error.field ?? ''}': send the files as multipart field '${limits.field}' / onverwacht veld`);
    default:
      return error;
  }
}

/** multer's memory storage, but the bytes of all files of one request are counted (and inspected) as they arrive. */
function countingMemoryStorage({ totalBytes, inspect }: UploadLimits): multer.StorageEngine {
  const received = new WeakMap<Request, number>();
  return {
    _handleFile(req, file, callback) {
      const chunks: Buffer[] = [];
      const inspector = inspect?.(file.originalname);
      let refused = false;
      const refuse = (error: Error) => {
        refused = true;
        chunks.length = 0;
        callback(error);
      };
      file.stream.on('data', (chunk: Buffer) => {
        if (refused) return;
        const total = (received.get(req) ?? 0) + chunk.length;
        received.set(req, total);
        if (total > totalBytes) return refuse(fileTooLarge(`${file.originalname}: the files of this upload together are more than the ${mb(totalBytes)} accepted per request / de upload is te groot`, { file: file.originalname, code: 'upload-too-large', params: { max: totalBytes } }));
        try {
          inspector?.write(chunk);
        } catch (error) {
          return refuse(error as Error);
        }
        chunks.push(chunk);
      });
      file.stream.on('end', () => {
        if (refused) return;
        const buffer = Buffer.concat(chunks);
        callback(null, { buffer, size: buffer.length });
      });
    },
    _removeFile(_req, file, callback) {
      delete (file as Partial<Express.Multer.File>).buffer;
      callback(null);
    },
  };
}
