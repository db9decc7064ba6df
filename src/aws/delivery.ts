import type { Readable } from 'node:stream'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns'
import { callAws } from './errors.js'

export async function publishToTopic(
  client: SNSClient,
  topicArn: string,
  subject: string,
  message: string
): Promise<void> {
  await callAws(
    { action: 'sns:Publish', doing: `publishing the report summary to ${topicArn}` },
    () =>
      client.send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: message }))
  )
}

/** Uploads one object; a stream needs its length up front (S3 does not take chunked bodies). */
export async function putObject(
  client: S3Client,
  target: { bucket: string; key: string },
  body: Readable,
  contentLength: number,
  contentType: string
): Promise<void> {
  await callAws(
    { action: 's3:PutObject', doing: `uploading s3://${target.bucket}/${target.key}` },
    () =>
      client.send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: target.key,
          Body: body,
          ContentLength: contentLength,
          ContentType: contentType
        })
      )
  )
}
