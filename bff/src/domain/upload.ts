// An uploaded file as use cases receive it (the HTTP adapter reads it from the multipart body).
export interface UploadedFile {
  /** The name the client sent (path parts removed). */
  filename: string
  bytes: Buffer
}
